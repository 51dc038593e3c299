"""The clinic workflow room: intake, red flags, assessment, findings, treatments, summary."""
