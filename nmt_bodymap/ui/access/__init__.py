"""The access room: sign-in, accounts and the lock."""
