"""The body map room: the two views, what is drawn on them, and placing marks."""
