"""Architecture: the law is plain functions — importing the application rules loads no Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["clock", "fees", "identity", "outcomes", "channels"]


def test_the_rules_modules_import_no_django():
    imports = "; ".join(f"import gongkai.rules.{name}" for name in MODULES)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
