"""Trains the ${{ values.name }} model and prints its metrics as name=value lines
(the format Katib's stdout collector and the pipeline read)."""
import argparse

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split


def train(epochs: int, learning_rate: float) -> float:
    features, labels = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=0.2, random_state=0
    )
    model = LogisticRegression(max_iter=epochs * 100, C=1.0 / learning_rate)
    model.fit(x_train, y_train)
    return float(model.score(x_test, y_test))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.01)
    args = parser.parse_args()
    accuracy = train(args.epochs, args.learning_rate)
    print(f"accuracy={accuracy:.4f}")
