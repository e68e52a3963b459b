// An error the emulator returns to the client exactly as AWS shapes it: body {"__type", "message"} and
// HTTP 400, or 500 for ServerException (aws-behaviour.md §1.4). Throw it from any operation; the wire
// layer turns it into the envelope. Anything else thrown is a sandbox bug and becomes a ServerException.
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number = code === "ServerException" ? 500 : 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidParameter = (message: string) => new AwsError("InvalidParameterException", message);
export const clientException = (message: string) => new AwsError("ClientException", message);
