"""The candidates room: which muscles could be sending the pain, ranked."""
