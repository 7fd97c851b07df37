"""A plain progress bar on stderr: no dependency, redraws in place, prints a final line."""

import sys
import time


class Progress:
    def __init__(self, total: int, label: str, width: int = 30):
        self.total, self.label, self.width = max(total, 1), label, width
        self.done = 0
        self.started = time.perf_counter()

    def advance(self, n: int) -> None:
        self.done += n
        self._draw()

    def _draw(self, end: str = "") -> None:
        share = min(self.done / self.total, 1.0)
        filled = int(share * self.width)
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed else 0
        eta = (self.total - self.done) / rate if rate else 0
        sys.stderr.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {share:6.1%} "
            f"{self.done:,}/{self.total:,}  {rate:,.0f}/s  剩余约 {eta:,.0f}s{end}"
        )
        sys.stderr.flush()

    def finish(self) -> float:
        elapsed = time.perf_counter() - self.started
        self._draw(end="\n")
        return elapsed
