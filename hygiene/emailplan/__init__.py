"""The compartmentalised email plan: which account uses which new address, addresses that
reveal nothing, recovery that stays inside its compartment, and a migration order that
never locks the person out. Content lives in ``checks/compartments.toml``; this package
knows no terminal."""
