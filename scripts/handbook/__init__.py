"""Build tools of the policy handbook: load and validate policy_data/, build the site."""
