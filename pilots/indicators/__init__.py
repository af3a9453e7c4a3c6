"""Shared Lab indicators: their roll-up across boroughs and Labs, and the convenors' page."""
