"""Views: reading pages, the draft editor and the workflow actions."""
