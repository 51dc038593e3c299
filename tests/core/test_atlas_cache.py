"""The disk caches of start-up: same answers as parsing the files, never stale, never fatal."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.core import atlas_cache, datafiles, svg_geometry
from nmt_bodymap.core.atlas import CACHE_KIND, Atlas, cache_key, read_atlas
from nmt_bodymap.core.knowledge import KnowledgeError, load_knowledge
from nmt_bodymap.resources import asset_path, resource_path

REPO_ROOT = Path(__file__).resolve().parents[2]
GRID_STEP = 25.0


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(atlas_cache.CACHE_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def drawings(tmp_path: Path) -> Path:
    """A private copy of the body drawings that a test may edit."""
    folder = tmp_path / "body_svgs"
    folder.mkdir()
    for svg in asset_path("body_svgs").glob("*.svg"):
        shutil.copyfile(svg, folder / svg.name)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how many drawings are parsed from SVG (zero means the cache answered)."""
    calls: list[int] = []
    real = svg_geometry.parse_svg_shapes

    def counting(data: bytes) -> svg_geometry.SvgShapes:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(svg_geometry, "parse_svg_shapes", counting)
    return calls


def _answers(atlas: Atlas) -> dict[str, Any]:
    """Everything a user of the atlas can observe, in comparable form."""
    answers: dict[str, Any] = {
        "views": atlas.views(),
        "regions": [(r.key, r.label, r.point, r.area, r.shape.wkb) for r in atlas.regions()],
        "muscles": sorted(atlas.muscle_ids()),
        "deep": sorted(m for m in atlas.muscle_ids() if atlas.muscle_is_deep(m)),
    }
    for view in atlas.views():
        min_x, min_y, width, height = atlas.view_box(view)
        answers[f"{view}/view_box"] = atlas.view_box(view)
        answers[f"{view}/outline"] = atlas.outline(view).wkb
        clicks = [
            (min_x + i * GRID_STEP, min_y + j * GRID_STEP)
            for i in range(int(width / GRID_STEP))
            for j in range(int(height / GRID_STEP))
        ] + [r.point for r in atlas.regions(view)]
        answers[f"{view}/region_at"] = [
            (hit.key if (hit := atlas.region_at(view, x, y)) else None) for x, y in clicks
        ]
        answers[f"{view}/muscles_at"] = [atlas.muscles_at(view, x, y) for x, y in clicks[::7]]
        answers[f"{view}/points_on_muscles"] = [
            atlas.point_on_muscle(view, m, side, along, across)
            for m in sorted(atlas.muscle_ids())
            for side in ("left", "right")
            for along, across in ((0.2, 0.0), (0.5, 0.8), (0.9, -0.5))
        ]
    return answers


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{CACHE_KIND}-*.bin"))


def test_cached_atlas_answers_exactly_like_freshly_parsed_drawings(
    cache_folder: Path, parses: list[int]
) -> None:
    fresh = read_atlas(use_cache=False)
    assert _cache_files(cache_folder) == []  # an uncached read writes nothing

    read_atlas()
    assert len(_cache_files(cache_folder)) == 1
    parsed_so_far = len(parses)

    cached = read_atlas()
    assert len(parses) == parsed_so_far, "the second load should come from the cache"
    assert _answers(cached) == _answers(fresh)


def test_an_edited_drawing_misses_the_cache(
    drawings: Path, cache_folder: Path, parses: list[int]
) -> None:
    before = read_atlas(drawings)
    assert before.region_at("anterior", 20, 20) is None  # the top-left corner is empty

    svg = drawings / "anterior.svg"
    text = svg.read_text(encoding="utf-8")
    element = re.search(r'<path[^>]*id="region-temple-right"[^>]*>', text)
    assert element is not None
    moved = re.sub(r'\sd="[^"]*"', ' d="M10,10 L30,10 L30,30 L10,30 Z"', element[0])
    svg.write_text(text.replace(element[0], moved), encoding="utf-8")
    parsed_before_edit = len(parses)

    after = read_atlas(drawings)
    assert len(parses) > parsed_before_edit, "the edited drawing must be parsed again"
    temple = after.region("anterior", "temple", "right")
    assert temple.area == 400.0
    hit = after.region_at("anterior", 20, 20)
    assert hit is not None and hit.key == ("anterior", "temple", "right")
    assert before.region("anterior", "temple", "right").area != 400.0
    assert cache_key(drawings) != cache_key()


def _flip_middle_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


@pytest.mark.parametrize(
    "corrupt",
    [
        _flip_middle_byte,
        lambda data: data[: len(data) // 2],  # a write cut short
        lambda data: b"",
        lambda data: b"not a cache file at all" * 100,
    ],
    ids=["flipped-byte", "truncated", "empty", "garbage"],
)
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(
    cache_folder: Path, parses: list[int], corrupt: Any
) -> None:
    expected = _answers(read_atlas())
    (entry,) = _cache_files(cache_folder)
    entry.write_bytes(corrupt(entry.read_bytes()))
    parsed_before = len(parses)

    assert _answers(read_atlas()) == expected
    assert len(parses) > parsed_before, "a corrupt entry must not be used"

    parsed_after_rebuild = len(parses)
    read_atlas()
    assert len(parses) == parsed_after_rebuild, "the rebuilt entry should be used again"


def test_a_well_formed_entry_with_nonsense_inside_is_ignored(
    cache_folder: Path, parses: list[int]
) -> None:
    expected = _answers(read_atlas(use_cache=False))
    # right key, valid checksum, but the payload is not an atlas
    assert atlas_cache.write_entry(CACHE_KIND, cache_key(), b"\x02\x00\x00\x00\x00\x00\x00\x00{}")
    parsed_before = len(parses)
    assert _answers(read_atlas()) == expected
    assert len(parses) > parsed_before


def test_an_unwritable_cache_folder_still_loads_the_atlas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("the cache folder cannot be created under a file")
    monkeypatch.setenv(atlas_cache.CACHE_DIR_ENV, str(blocker / "cache"))

    atlas = read_atlas()
    again = read_atlas()

    assert atlas.region("anterior", "temple", "right").area > 0
    assert [r.key for r in again.regions()] == [r.key for r in atlas.regions()]
    assert not (blocker / "cache").exists()


def test_a_warm_start_does_not_import_the_svg_parser_or_pydantic(cache_folder: Path) -> None:
    """Start-up speed: with a fresh cache the app skips svgelements and the vocabulary models."""
    probe = (
        "import sys; from nmt_bodymap.core.atlas import load_atlas; load_atlas(); "
        "print(sorted(m for m in ('svgelements', 'pydantic') if m in sys.modules))"
    )

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()

    assert run() == "['pydantic', 'svgelements']"  # cold: parsed from the drawings
    assert run() == "[]"  # warm: from the cache


def _copy_muscles(to: Path) -> Path:
    shutil.copytree(resource_path("muscles"), to)
    return to


def test_knowledge_from_the_cache_equals_the_parsed_files_and_skips_yaml(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = load_knowledge(_copy_muscles(tmp_path / "first"))
    yaml_reads: list[Path] = []
    real = datafiles.read_yaml
    monkeypatch.setattr(datafiles, "read_yaml", lambda p: yaml_reads.append(p) or real(p))

    cached = load_knowledge(_copy_muscles(tmp_path / "second"))  # same bytes, new folder

    assert yaml_reads == []
    assert cached.muscles == parsed.muscles
    assert cached.sources == parsed.sources and cached.conditions == parsed.conditions


def test_a_bad_knowledge_file_is_rejected_even_when_its_parsed_form_is_cached(
    tmp_path: Path, cache_folder: Path
) -> None:
    def broken_copy(name: str) -> Path:
        folder = _copy_muscles(tmp_path / name)
        neck = folder / "neck.yaml"
        neck.write_text(
            neck.read_text(encoding="utf-8").replace("layer: superficial", "layer: shallow", 1),
            encoding="utf-8",
        )
        return folder

    for attempt in ("first", "second"):  # the second load finds the parsed YAML in the cache
        with pytest.raises(KnowledgeError, match=r"neck\.yaml: muscle #0 .*layer"):
            load_knowledge(broken_copy(attempt))
    assert list(cache_folder.glob("knowledge-*.bin"))
