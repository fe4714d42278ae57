"""Click sub-commands that live in their own modules; `checker.cli` registers them."""
