// VPCs, subnets, security groups and key pairs take tags through CreateTags, DeleteTags and DescribeTags.
import * as err from "../errors";
import { KEY_PAIR_ID, keyPairs } from "../key-pairs/records";
import { findSecurityGroup, findSubnet, findVpc } from "./lookup";
import { registerTaggable } from "../tags/records";

registerTaggable({ prefix: "vpc-", resourceType: "vpc", check: (ctx, id) => void findVpc(ctx, id) });
registerTaggable({ prefix: "subnet-", resourceType: "subnet", check: (ctx, id) => void findSubnet(ctx, id) });
registerTaggable({ prefix: "sg-", resourceType: "security-group", check: (ctx, id) => void findSecurityGroup(ctx, id) });
registerTaggable({
  prefix: "key-",
  resourceType: "key-pair",
  check(ctx, id) {
    if (!KEY_PAIR_ID.test(id)) throw err.keyPairIdMalformed(id);
    if (!keyPairs.find(ctx, "id", id)) throw err.keyPairNotFound(id);
  },
});
