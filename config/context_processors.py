"""Template context every page needs: the signed-in user's role."""

from learning.roles import is_instructor


def roles(request):
    user = getattr(request, "user", None)
    return {"is_instructor": bool(user and user.is_authenticated and is_instructor(user))}
