"""The dashboard asks for the header's role with its own figures; the header still shows it right."""

import pytest
from django.urls import reverse

from learning.roles import make_instructor

pytestmark = pytest.mark.django_db


def test_an_instructor_sees_their_links_and_badge_on_the_dashboard(client, make_user):
    teacher = make_user("tess")
    make_instructor(teacher)
    client.force_login(teacher)
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert '<span class="role-badge">Instructor</span>' in html
    assert f'href="{reverse("quizzes:classes")}"' in html and f'href="{reverse("library:index")}"' in html


def test_a_learner_sees_no_instructor_links_on_the_dashboard(client, learner):
    client.force_login(learner)
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert "role-badge" not in html
    assert f'href="{reverse("quizzes:classes")}"' not in html and f'href="{reverse("library:index")}"' not in html
