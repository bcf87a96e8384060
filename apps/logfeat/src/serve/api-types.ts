/** Types of the `logfeat serve` HTTP API, shared by the server and the page. */
export interface ApiError {
  error: string;
}
