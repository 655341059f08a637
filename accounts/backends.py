"""django-axes' sign-in throttle, as the first authentication backend."""

from axes.backends import AxesStandaloneBackend


class AxesBackend(AxesStandaloneBackend):
    """Refuses sign-ins from a username and IP address that have failed too often.

    Unlike axes' own backend, an `authenticate()` without a request (the shell, management
    commands, `Client.login` in tests) is passed on to the next backend instead of raising:
    throttling is per IP address, which only a request has. Every web sign-in (our sign-in
    page, the admin's, Django REST framework) passes its request and is throttled.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
