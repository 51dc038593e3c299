"""NMT Body Map: from where the client hurts to the trigger points to palpate."""

__version__ = "0.1.0"
