"""papermill's nbclient engine with MyST inline expressions evaluated (see `inline`).

The build uses it; an analyst running one chapter alone gets the values in the executed
notebook with `papermill --engine myst notebooks/05_budget_2026.ipynb out.ipynb` (the engine is
registered as the entry point `myst` of papermill's engines).
"""

from __future__ import annotations

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

from sergek_report.chapter.inline import client_class

MystNotebookClient = client_class(PapermillNotebookClient)


class MystEngine(NBClientEngine):
    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        **kwargs,
    ):
        # As NBClientEngine does, with the client that also evaluates Markdown cells.
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        return MystNotebookClient(nb_man, **final_kwargs).execute()
