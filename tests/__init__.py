from pathlib import Path

# The checkout's root, wherever a test module sits below tests/.
PROJECT_ROOT = Path(__file__).resolve().parents[1]
