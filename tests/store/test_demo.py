"""The demo client is created once, clearly marked, with charted visits."""

from __future__ import annotations

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.demo import seed_demo_client


def test_demo_client_is_created_once_with_visits_and_marks(store: ChartStore) -> None:
    demo = seed_demo_client(store)
    assert demo.is_demo
    assert "sample data" in demo.name
    assert seed_demo_client(store).id == demo.id
    assert [c.id for c in store.search_clients("demo")] == [demo.id]

    chart = store.open_chart(demo.id)
    assert len(chart.visits) == 3
    assert chart.visits[0].started_at > chart.visits[-1].started_at
    first_visit = chart.visits[-1].id
    marks = store.list_pain_marks(first_visit)
    assert {(m.view, m.region, m.side) for m in marks} >= {("anterior", "temple", "right")}
    assert all(m.x is not None and m.y is not None for m in marks)
    assert [f.muscle_id for f in store.list_findings(first_visit)] == [
        "upper_trapezius",
        "sternocleidomastoid",
    ]
    assert store.list_treatments(first_visit)[0].technique == "Ischemic compression"
    assert store.list_follow_ups(first_visit)[0].relief_days == 4
    observed = {(o.kind, o.item, o.side) for o in store.list_observations(first_visit)}
    assert ("posture", "elevated_shoulder", "right") in observed
    assert ("ischemia", "taut_ropy", "right") in observed
    intake = store.get_intake(demo.id)
    assert intake is not None and not intake.red_flag_raised
    assert len(intake.complaints) == 2


def test_demo_screen_answers_questions_of_the_red_flag_screen() -> None:
    import yaml

    from nmt_bodymap.resources import resource_path
    from nmt_bodymap.store.demo import DEMO_FILE

    screen = yaml.safe_load(resource_path("red_flags.yaml").read_text(encoding="utf-8"))
    ids = {question["id"] for question in screen["questions"]}
    answers = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))["intake"]["red_flags"]
    assert set(answers) <= ids
