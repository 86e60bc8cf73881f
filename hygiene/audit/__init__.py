"""The whole-vault audit: every login of an export checked at once and ranked, most urgent first."""
