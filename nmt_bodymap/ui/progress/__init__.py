"""The progress room: a client's visits over time, charts and comparisons."""
