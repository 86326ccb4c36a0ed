"""Webhooks: other systems subscribe a URL to events and receive signed JSON deliveries."""
