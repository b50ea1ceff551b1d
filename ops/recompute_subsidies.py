"""Events that make CalculateSubsidyFunction recompute the subsidies of the certifications recorded in a time range.

The redrive of the stream's failure queue (docs/OPERATIONS.md): a failure record there points at stream records that
expire 24 h after they were written, so instead of reading them back this reads the certifications themselves (GSI3,
partition CERT, sort key <recordedAt>#<id>) and writes stream-shaped INSERT events that name them. The function
reads each certification from the table and writes its subsidy under an id derived from the certification, so a
replay of a certification that already has its subsidy changes nothing. --parameter NAME adds the change of a policy
parameter (PENDING_AMOUNT subsidies move when it is set).

  python ops/recompute_subsidies.py --table TABLE --from 2026-11-01 --to 2026-11-30 --out-dir target/recompute
  ./dev recompute 2026-11-01 2026-11-30             # locally: writes the events and invokes the function with each

On AWS (credentials of an operator): --table is the stack's TableName output; invoke the function's live alias with
each file (aws lambda invoke --function-name <CalculateSubsidyFunction>:live --payload fileb://<file> out.json).
"""
import argparse
import json
import os
import sys

import boto3

BATCH = 200  # records per event: well inside the function's 60 s timeout (3 calls per certification)


def certification_ids(dynamodb, table, start, end):
    """Ids of the certifications recorded from start to end (dates or instants, inclusive)."""
    paginator = dynamodb.get_paginator("query")
    pages = paginator.paginate(
        TableName=table,
        IndexName="GSI3",
        KeyConditionExpression="GSI3PK = :p AND GSI3SK BETWEEN :a AND :b",
        ExpressionAttributeValues={":p": {"S": "CERT"}, ":a": {"S": start}, ":b": {"S": end + "~"}},
        ProjectionExpression="certificationId",
    )
    for page in pages:
        for item in page["Items"]:
            yield item["certificationId"]["S"]


def record(sequence, image, event_name):
    return {
        "eventID": "recompute-%d" % sequence,
        "eventName": event_name,
        "eventSource": "aws:dynamodb",
        "dynamodb": {"SequenceNumber": str(sequence), "NewImage": image},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", required=True)
    parser.add_argument("--from", dest="start", required=True, help="first recordedAt, e.g. 2026-11-01")
    parser.add_argument("--to", dest="end", required=True, help="last recordedAt (a date includes the whole day)")
    parser.add_argument("--parameter", action="append", default=[], help="policy parameter whose change to replay")
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--endpoint", default=os.environ.get("AWS_ENDPOINT_URL"))
    args = parser.parse_args(argv)

    dynamodb = boto3.client("dynamodb", endpoint_url=args.endpoint)
    records = [record(i, {"type": {"S": "CERTIFICATION"}, "certificationId": {"S": cid}}, "INSERT")
               for i, cid in enumerate(certification_ids(dynamodb, args.table, args.start, args.end), start=1)]
    records += [record(len(records) + i, {"type": {"S": "POLICY_PARAMETER"}, "name": {"S": name}}, "MODIFY")
                for i, name in enumerate(args.parameter, start=1)]

    os.makedirs(args.out_dir, exist_ok=True)
    files = []
    for n, at in enumerate(range(0, len(records), BATCH), start=1):
        path = os.path.join(args.out_dir, "recompute-%04d.json" % n)
        with open(path, "w", encoding="utf-8") as out:
            json.dump({"Records": records[at:at + BATCH]}, out)
        files.append(path)
    print("%d certifications, %d parameters, %d event files" % (len(records) - len(args.parameter),
                                                                 len(args.parameter), len(files)), file=sys.stderr)
    for path in files:
        print(path)


if __name__ == "__main__":
    main()
