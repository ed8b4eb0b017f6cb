"""Turning a fact sheet into a Draft through the learned outline and Jinja templates."""
