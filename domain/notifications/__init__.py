"""Notifications to professionals (mail). Never case content, never personal data of the
persons discussed."""
