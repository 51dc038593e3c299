"""The education room: patient education at the table (F11)."""
