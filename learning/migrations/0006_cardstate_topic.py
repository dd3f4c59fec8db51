"""Each card state holds its card's topic, and the database keeps that copy right.

The dashboard adds up a learner's states per topic on every look; with the topic on the state it reads their
states alone instead of joining them to the deck's cards. The copy cannot drift:

- PostgreSQL: a foreign key from the state's (card, topic) to the card's (id, topic) refuses a state whose topic is
  not its card's, and ON UPDATE CASCADE carries a card's move to another topic (re-ingest updates cards in bulk)
  over to every learner's state of it.
- SQLite: two triggers do the same. SQLite drops a table's triggers when Django rebuilds the table, so a later
  migration that alters learning_flashcard or learning_cardstate there must create them again (CREATE_SQLITE).
"""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = (
    "UPDATE learning_cardstate SET topic_id = "
    "(SELECT c.topic_id FROM learning_flashcard c WHERE c.id = learning_cardstate.card_id)"
)

CREATE_POSTGRESQL = [
    "ALTER TABLE learning_cardstate ADD CONSTRAINT cardstate_card_topic FOREIGN KEY (card_id, topic_id) "
    "REFERENCES learning_flashcard (id, topic_id) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED"
]
DROP_POSTGRESQL = ["ALTER TABLE learning_cardstate DROP CONSTRAINT cardstate_card_topic"]

_WRONG_TOPIC = (
    "WHEN NEW.topic_id IS NOT (SELECT c.topic_id FROM learning_flashcard c WHERE c.id = NEW.card_id) "
    "BEGIN SELECT RAISE(ABORT, 'a card state''s topic must be its card''s topic'); END"
)
CREATE_SQLITE = [
    "CREATE TRIGGER cardstate_card_topic_moves AFTER UPDATE OF topic_id ON learning_flashcard "
    "FOR EACH ROW WHEN NEW.topic_id IS NOT OLD.topic_id "
    "BEGIN UPDATE learning_cardstate SET topic_id = NEW.topic_id WHERE card_id = NEW.id; END",
    f"CREATE TRIGGER cardstate_card_topic_insert BEFORE INSERT ON learning_cardstate FOR EACH ROW {_WRONG_TOPIC}",
    "CREATE TRIGGER cardstate_card_topic_update BEFORE UPDATE OF card_id, topic_id ON learning_cardstate "
    f"FOR EACH ROW {_WRONG_TOPIC}",
]
DROP_SQLITE = [
    "DROP TRIGGER IF EXISTS cardstate_card_topic_moves",
    "DROP TRIGGER IF EXISTS cardstate_card_topic_insert",
    "DROP TRIGGER IF EXISTS cardstate_card_topic_update",
]


def run(statements: dict):
    def apply(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("learning", "0005_flashcard_author_kind"),
    ]

    operations = [
        migrations.AddField(
            model_name="cardstate",
            name="topic",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="content.topic",
            ),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="cardstate",
            name="topic",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="content.topic",
            ),
        ),
        migrations.AddIndex(
            model_name="flashcard",
            index=models.Index(condition=models.Q(("retired", False)), fields=["topic"], name="flashcard_active_topic"),
        ),
        migrations.AddIndex(
            model_name="flashcard",
            index=models.Index(condition=models.Q(("retired", True)), fields=["id"], name="flashcard_retired"),
        ),
        migrations.AddConstraint(
            model_name="flashcard",
            constraint=models.UniqueConstraint(fields=("id", "topic"), name="flashcard_id_topic"),
        ),
        migrations.RunPython(
            run({"postgresql": CREATE_POSTGRESQL, "sqlite": CREATE_SQLITE}),
            run({"postgresql": DROP_POSTGRESQL, "sqlite": DROP_SQLITE}),
        ),
    ]
