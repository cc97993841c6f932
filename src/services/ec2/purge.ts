// What goes when an EC2 resource is gone, and when (state/expiry.ts finds what is due and calls these): a
// deregistered AMI once its `deregistered` phase is over, with the fast launch settings and the tags that any
// account keeps on it; an import task once its 7 days of retention are over, with its tags; a usage report 30
// days after its creation, with its tags; and the client token that made each, a day later (client-tokens.ts).
// Fast launch settings go alone once disabled (fast-launch/records.ts). What deregistration or deletion removes at once (the AMI's name,
// launch permissions, shares and the owner's tags) is not repeated here. Collections keep the expiry index at
// every write; these declarations say when each kind goes and what goes with it.
import { inPartition } from "../../state/collection";
import { defineExpiring } from "../../state/expiry";
import { endsIn } from "../../state/lifecycle";
import { retireToken } from "./client-tokens";
import { fastLaunchSettings } from "./fast-launch/records";
import { importTasks, type ImportTaskRecord } from "./import/records";
import { amiReferences, amis, GONE, type AmiRecord } from "./images/records";
import { dropTags } from "./tags/records";
import { expiresAt, usageReports, type UsageReportRecord } from "./usage-reports/records";

const amiGoneAt = (r: AmiRecord) => endsIn(r.schedule, GONE);

defineExpiring<AmiRecord>({
  type: amis.type,
  goneAt: amiGoneAt,
  purge(scope, id, ami) {
    amis.delete(scope, id);
    fastLaunchSettings.delete(scope, id);
    for (const { account } of amiReferences.scan(scope, { within: [id] })) {
      const other = inPartition(scope, { account, region: scope.partition.region });
      fastLaunchSettings.delete(other, id);
      dropTags(other, id);
      amiReferences.delete(scope, [id, account]);
    }
    retireToken(scope, ami.clientToken, "ImageId", id, amiGoneAt(ami)!);
  },
});

const taskGoneAt = (t: ImportTaskRecord) => endsIn(t.schedule, GONE);

defineExpiring<ImportTaskRecord>({
  type: importTasks.type,
  goneAt: taskGoneAt,
  purge(scope, id, task) {
    importTasks.delete(scope, id);
    dropTags(scope, id);
    retireToken(scope, task.clientToken, "ImportTaskId", id, taskGoneAt(task)!);
  },
});

defineExpiring<UsageReportRecord>({
  type: usageReports.type,
  goneAt: expiresAt,
  purge(scope, id, report) {
    usageReports.delete(scope, id);
    dropTags(scope, id);
    retireToken(scope, report.clientToken, "ReportId", id, expiresAt(report));
  },
});
