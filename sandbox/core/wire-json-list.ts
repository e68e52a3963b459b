// A response list whose elements are already AWS JSON text. DescribeImages answers with up to 1,000
// image details per page; serializing each one again on every page read was most of the sandbox's
// own time on top of the injected latency (see ecr/image-detail-json.ts, which caches them).

export class WireJsonList {
  constructor(readonly items: readonly string[]) {}
}
