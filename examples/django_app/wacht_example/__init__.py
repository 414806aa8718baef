"""A minimal Django project using `wacht_oauth_client.contrib.django`."""
