"""sunokit: spec-driven clients for the Suno music APIs."""
