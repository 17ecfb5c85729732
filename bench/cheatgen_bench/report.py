"""One figure's verdict, printed as it is measured and kept for the summary and RESULTS.md."""
from .common import config


def verdict(passed):
    if config.smoke and passed is not None:
        return "not judged (smoke run)"
    return "info" if passed is None else "PASS" if passed else "FAIL"


def report(key, label, value, passed, target, R, extra=None):
    """passed: True, False, or None for an informational figure without a target."""
    R.setdefault("figures", []).append((key, label, value, passed, target, extra))
    print(f"  >>> [{key}] {label}: {value}   target {target}   {verdict(passed)}"
          + (f"   ({extra})" if extra else ""), flush=True)
