import type {
  ApiError,
  RunOptionsJson,
  RunResponseJson,
  StatusJson,
  WindowResponseJson,
} from "../../src/serve/api-types.js";

/** An answer of the server that is not 2xx, with the server's message. */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    message = ((await response.json()) as ApiError).error;
  } catch {
    // Not JSON (a proxy's page): keep the status line.
  }
  return new ApiRequestError(response.status, message);
}

async function getJson<Body>(url: string, init?: RequestInit): Promise<Body> {
  const response = await fetch(url, init);
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as Body;
}

/** `GET /api/run`. */
export function fetchRun(): Promise<RunResponseJson> {
  return getJson("api/run");
}

/** `GET /api/status`. */
export function fetchStatus(): Promise<StatusJson> {
  return getJson("api/status");
}

/** `GET /api/window`: one window and logs `offset ..` of it. */
export function fetchWindow(
  service: string,
  start: string,
  offset: number,
): Promise<WindowResponseJson> {
  const query = new URLSearchParams({ service, start, offset: String(offset) });
  return getJson(`api/window?${query}`);
}

/** `POST /api/options`: runs the current input again with `options`. */
export function rerun(options: RunOptionsJson): Promise<RunResponseJson> {
  return getJson("api/options", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(options),
  });
}

/** Bytes sent so far of an upload. */
export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * `POST /api/upload`: streams `file` as the request body (XHR, for upload
 * progress) and resolves when the server has run the pipeline on it.
 * `onUploaded` is called once the last byte is sent (the server then runs).
 */
export function uploadFile(
  file: File,
  options: RunOptionsJson,
  onProgress: (progress: UploadProgress) => void,
  onUploaded: () => void,
): Promise<RunResponseJson> {
  const query = new URLSearchParams({
    name: file.name,
    modified: new Date(file.lastModified).toISOString(),
    format: options.format,
    layout: options.layout,
    windowSize: String(options.windowSize),
    timeZone: options.timeZone,
  });
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `api/upload?${query}`);
    request.responseType = "text";
    request.upload.addEventListener("progress", (event) => {
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    });
    request.upload.addEventListener("load", onUploaded);
    request.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as RunResponseJson);
      else
        reject(
          new ApiRequestError(
            request.status,
            (body as ApiError | null)?.error ?? `${request.status} ${request.statusText}`,
          ),
        );
    });
    request.addEventListener("error", () =>
      reject(new ApiRequestError(0, "the upload failed (connection lost)")),
    );
    request.send(file);
  });
}
