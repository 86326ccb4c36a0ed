"""What every app shares and no app owns (not a Django app: no models, no URLs)."""
