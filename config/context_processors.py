"""Template context every page needs: the signed-in user's role."""

from functools import partial

from learning.roles import is_instructor


def roles(request):
    user = getattr(request, "user", None)
    # A callable: templates that never ask (htmx fragments) never pay the query.
    return {"is_instructor": partial(lambda u: bool(u and u.is_authenticated and is_instructor(u)), user)}
