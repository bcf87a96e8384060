import { describeReadmeExamples } from "@logfeat/test-support";

describeReadmeExamples(import.meta.url);
