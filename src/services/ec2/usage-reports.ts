// AMI usage reports: being built.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const pending = () => { throw new ServiceError("InternalError", "Not implemented yet.", 500); };

export const usageReportHandlers: Pick<Ec2Handlers, "CreateImageUsageReport" | "DescribeImageUsageReports" | "DeleteImageUsageReport" | "DescribeImageUsageReportEntries"> = {
  CreateImageUsageReport: pending, DescribeImageUsageReports: pending, DeleteImageUsageReport: pending, DescribeImageUsageReportEntries: pending,
};
