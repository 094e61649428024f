"""The Zukunfts-HUB: good-practice stories, support offerings, news and events."""
