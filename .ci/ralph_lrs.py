"""Ralph's learning record store (ralph-malph 5.1.0) on its file-system backend, for the LRS
tests of `.ci/run`: `python ralph_lrs.py PORT`, with RALPH_APP_DIR holding auth.json and
RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH the folder of the statements file.

Ralph's own `ralph runserver -b fs` stores the first POST and answers every later one with
HTTP 500 ("Statements bulk indexation failed"): the file-system backend writes with the
operation type INDEX, which refuses a file that already exists. A statement log is appended
to, so the backend is set to APPEND here, before the app is loaded. The rest is Ralph as it
ships: its HTTP API, authentication, validation and duplicate handling. uvicorn runs in this
process, without the reloader `runserver` starts, so stopping this process stops the server.
"""

import os
import sys

# Ralph reads its settings once, on the first import.
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
