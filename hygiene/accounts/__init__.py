"""Accounts and recovery: the inventory, the provider catalogue and the recovery graph."""
