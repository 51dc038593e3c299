"""Generator of the body drawings (assets/body_svgs)."""
