"""The project's training pipeline. Compile it with `python pipelines/pipeline.py`; CI checks that
pipelines/pipeline.yaml is the compiled form of this file."""
from kfp import compiler, dsl


@dsl.component(base_image="python:3.11", packages_to_install=["scikit-learn==1.5.2"])
def train(epochs: int, learning_rate: float) -> float:
    """Trains the model and returns its accuracy on held-out data."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    features, labels = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=0.2, random_state=0
    )
    model = LogisticRegression(max_iter=epochs * 100, C=1.0 / learning_rate)
    model.fit(x_train, y_train)
    return float(model.score(x_test, y_test))


@dsl.pipeline(name="training", description="Trains the model and reports its accuracy.")
def training(epochs: int = 5, learning_rate: float = 0.01):
    train(epochs=epochs, learning_rate=learning_rate)


if __name__ == "__main__":
    compiler.Compiler().compile(training, "pipelines/pipeline.yaml")
