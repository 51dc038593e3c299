"""The chart room: clients, visits, the open visit as operations, the store worker, history."""
