"""The client's address behind reverse proxies, as django-axes reads it through
django-ipware (no Django imports: the settings module uses it)."""


def client_address_settings(proxy_count: int) -> dict[str, object]:
    """django-axes' ipware settings for `proxy_count` proxies in front of the app.

    Each proxy appends the address it was reached from to X-Forwarded-For and the last one
    is REMOTE_ADDR, so the header holds the client then the other proxies. A header with
    more entries than that (a client forging addresses in front) is not trusted: the
    address is then REMOTE_ADDR. With no proxy only REMOTE_ADDR counts, so a forged header
    cannot give an attacker a fresh address per attempt."""
    if not proxy_count:
        return {"AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",)}
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "AXES_IPWARE_PROXY_COUNT": proxy_count - 1,
        "AXES_IPWARE_PROXY_ORDER": "left-most",
    }
