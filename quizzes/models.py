"""quizzes models."""
