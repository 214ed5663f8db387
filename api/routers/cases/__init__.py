"""Cases: intake, work, plans, information cards."""
