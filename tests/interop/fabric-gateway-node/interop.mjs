// Drives a Fabric Gateway endpoint (the DevLedger, or a Fabric peer running the GX chaincode on a fresh channel) with
// the official Hyperledger Fabric Gateway client for Node.js, unchanged, and prints one JSON report on stdout.
//
//   node interop.mjs <host:port>
//
// Environment: GX_MSP_ID, GX_CERT_PEM or GX_CERT_PATH, GX_KEY_PEM or GX_KEY_PATH (a super_admin identity on a ledger
// that is not bootstrapped yet), optional GX_CHANNEL (gxchannel), GX_CHAINCODE (gxtv3), GX_RUN_ID (suffix of the user
// ids) and GX_TIMEOUT_MS (per call; default 15000). With GX_TLS_CA_PEM (or GX_TLS_CA_PATH) the connection is TLS
// trusting that CA; GX_TLS_CLIENT_CERT_PEM and GX_TLS_CLIENT_KEY_PEM (or …_PATH) add a client certificate (mutual TLS).
//
// Exit code 0 only when every step did what the GX contract promises; otherwise the report carries ok=false and the
// error, and the exit code is 1 (2 for bad usage). The .NET test (tests/Ledger.Tests/Interop) checks the report in
// detail; the checks here make the script useful on its own too.

import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import fabricGateway from '@hyperledger/fabric-gateway';

const { connect, checkpointers, hash, signers, GatewayError, EndorseError, CommitError } = fabricGateway;

const report = { ok: false, steps: [] };

function usage(message) {
    process.stdout.write(JSON.stringify({ ok: false, error: `usage: ${message}` }) + '\n');
    process.exit(2);
}

function setting(name, fallback) {
    const value = process.env[name];
    return value === undefined || value === '' ? fallback : value;
}

function pem(inlineName, pathName, required = true) {
    const inline = setting(inlineName);
    if (inline) return inline;
    const path = setting(pathName);
    if (path) return readFileSync(path, 'utf8');
    if (required) usage(`${inlineName} or ${pathName} is required`);
    return undefined;
}

function check(condition, message) {
    if (!condition) throw new Error(`check failed: ${message}`);
}

const utf8 = new TextDecoder();

// BigInts (block numbers) are reported as decimal strings: JSON has no 64-bit integers.
function plain(value) {
    return JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

function describeError(error) {
    return plain({
        type: error?.constructor?.name ?? typeof error,
        message: error?.message ?? String(error),
        grpcCode: error?.code,
        transactionId: error?.transactionId,
        details: error?.details,
        cause: error?.cause?.message,
    });
}

function step(name, data) {
    report.steps.push(name);
    return data;
}

const endpoint = process.argv[2] ?? usage('node interop.mjs <host:port>');
const target = endpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '');
const mspId = setting('GX_MSP_ID') ?? usage('GX_MSP_ID is required');
const certificatePem = pem('GX_CERT_PEM', 'GX_CERT_PATH');
const privateKeyPem = pem('GX_KEY_PEM', 'GX_KEY_PATH');
const channelName = setting('GX_CHANNEL', 'gxchannel');
const chaincodeName = setting('GX_CHAINCODE', 'gxtv3');
const runId = setting('GX_RUN_ID', crypto.randomBytes(4).toString('hex'));
const timeoutMs = Number(setting('GX_TIMEOUT_MS', '15000'));

const clientPackage = JSON.parse(readFileSync(new URL('./node_modules/@hyperledger/fabric-gateway/package.json', import.meta.url), 'utf8'));
report.client = { package: clientPackage.name, version: clientPackage.version, node: process.version };
report.endpoint = target;

// h2c (the DevLedger's default listener is plain HTTP/2 on loopback) unless a TLS CA is given.
const tlsCaPem = pem('GX_TLS_CA_PEM', 'GX_TLS_CA_PATH', false);
const tlsClientCertificatePem = pem('GX_TLS_CLIENT_CERT_PEM', 'GX_TLS_CLIENT_CERT_PATH', false);
const tlsClientKeyPem = pem('GX_TLS_CLIENT_KEY_PEM', 'GX_TLS_CLIENT_KEY_PATH', false);
if (!tlsCaPem && (tlsClientCertificatePem || tlsClientKeyPem)) usage('a TLS client certificate needs GX_TLS_CA_PEM or GX_TLS_CA_PATH');
if (!tlsClientCertificatePem !== !tlsClientKeyPem) usage('GX_TLS_CLIENT_CERT_* and GX_TLS_CLIENT_KEY_* go together');
const credentials = tlsCaPem
    ? grpc.credentials.createSsl(Buffer.from(tlsCaPem), tlsClientKeyPem && Buffer.from(tlsClientKeyPem), tlsClientCertificatePem && Buffer.from(tlsClientCertificatePem))
    : grpc.credentials.createInsecure();
report.transport = tlsCaPem ? (tlsClientCertificatePem ? 'mutual-tls' : 'tls') : 'h2c';
const client = new grpc.Client(target, credentials);
const deadline = () => ({ deadline: Date.now() + timeoutMs });
// With mutual TLS, Fabric binds each proposal to the TLS client certificate through its hash in the channel header.
const tlsClientCertificateHash = tlsClientCertificatePem
    ? crypto.createHash('sha256').update(new crypto.X509Certificate(tlsClientCertificatePem).raw).digest()
    : undefined;
const gateway = connect({
    client,
    tlsClientCertificateHash,
    identity: { mspId, credentials: new TextEncoder().encode(certificatePem) },
    signer: signers.newPrivateKeySigner(crypto.createPrivateKey(privateKeyPem)),
    hash: hash.sha256,
    evaluateOptions: deadline,
    endorseOptions: deadline,
    submitOptions: deadline,
    commitStatusOptions: deadline,
});

/** Endorses a transaction; the result is read from the prepared transaction the gateway returns. */
async function endorse(contract, transactionName, ...args) {
    const proposal = contract.newProposal(transactionName, { arguments: args });
    const transaction = await proposal.endorse();
    check(transaction.getTransactionId() === proposal.getTransactionId(), `${transactionName} keeps its transaction id through endorsement`);
    return { name: `${contract.getContractName()}:${transactionName}`, transaction };
}

/** Submits an endorsed transaction and waits for its commit status. */
async function submitAndWait({ name, transaction }) {
    const submitted = await transaction.submit();
    const status = await submitted.getStatus();
    check(status.successful, `${name} committed with code ${status.code}`);
    check(status.transactionId === transaction.getTransactionId(), `${name} status is for its own transaction`);
    check(utf8.decode(submitted.getResult()) === utf8.decode(transaction.getResult()), `${name} result survives submit`);
    return {
        transaction: name,
        transactionId: transaction.getTransactionId(),
        // Text, not parsed: Qirat amounts exceed JavaScript's exact integers, and the test compares the bytes.
        result: utf8.decode(transaction.getResult()),
        status: plain(status),
    };
}

/** Reads events until `stop` says so; a deadline on the gRPC stream turns a hang into an error. */
async function readEvents(network, options, checkpointer, stop) {
    const request = network.newChaincodeEventsRequest(chaincodeName, options);
    const events = await request.getEvents({ deadline: Date.now() + timeoutMs });
    const seen = [];
    try {
        for await (const event of events) {
            seen.push(plain({
                blockNumber: event.blockNumber,
                transactionId: event.transactionId,
                chaincodeName: event.chaincodeName,
                eventName: event.eventName,
                payload: utf8.decode(event.payload),
            }));
            await checkpointer.checkpointChaincodeEvent(event);
            if (stop(seen)) break;
        }
    } finally {
        events.close();
    }
    return seen;
}

async function run() {
    const network = gateway.getNetwork(channelName);
    // Contract names ("AdminContract") make the client send "AdminContract:BootstrapSystem", as the GX chaincode expects.
    const admin = network.getContract(chaincodeName, 'AdminContract');
    const identity = network.getContract(chaincodeName, 'IdentityContract');
    const tokenomics = network.getContract(chaincodeName, 'TokenomicsContract');
    const users = ['alice', 'bob', 'carol', 'dave'].map((name) => `interop-${name}-${runId}`);

    // A refused evaluate: the gateway's error details must reach the official client.
    try {
        await tokenomics.evaluateTransaction('GetBalance', users[0]);
        throw new Error('GetBalance of an unknown account succeeded');
    } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        check(error.details.some((detail) => detail.message.includes('chaincode response 404')), 'GetBalance of an unknown account is a 404 in the error details');
        report.unknownAccountEvaluate = step('evaluate-unknown-account', describeError(error));
    }

    const transactions = [];
    const bootstrap = await submitAndWait(await endorse(admin, 'BootstrapSystem'));
    transactions.push(step('bootstrap', bootstrap));
    const startBlock = BigInt(bootstrap.status.blockNumber);

    report.genesisPoolBalance = step('evaluate-balance', utf8.decode(await tokenomics.evaluateTransaction('GetBalance', 'pool:userGenesis')));

    transactions.push(step('countries', await submitAndWait(await endorse(admin, 'InitializeCountryData',
        JSON.stringify([{ code: 'US', name: 'United States', percentage: 4.2 }])))));

    // Registrations one after the other: each takes from the same genesis pool and country counters, so concurrent
    // ones would rightly fail MVCC validation.
    for (const userId of users) {
        transactions.push(step('create-user', await submitAndWait(await endorse(identity, 'CreateUser', userId, 'US', '30'))));
    }

    // Two transfers between disjoint wallets do not conflict (the operations fund is credited blindly). Both are
    // endorsed first and then submitted back to back so they share a block, and the resumed event read below has
    // to start in the middle of that block.
    const [alice, bob, carol, dave] = users;
    const first = await endorse(tokenomics, 'TransferWithFees', alice, bob, '1000000', 'official client interop', `interop-${runId}-1`);
    const second = await endorse(tokenomics, 'TransferWithFees', carol, dave, '2500000', 'official client interop', `interop-${runId}-2`);
    const transfers = await Promise.all([first, second].map(submitAndWait));
    transactions.push(...transfers.map((transfer) => step('transfer', transfer)));
    report.transactions = transactions;

    // submitTransaction's CommitError path: a second bootstrap is refused at endorsement with the chaincode's 409.
    try {
        await admin.submitTransaction('BootstrapSystem');
        throw new Error('a second BootstrapSystem succeeded');
    } catch (error) {
        if (!(error instanceof EndorseError) || error instanceof CommitError) throw error;
        check(error.details.some((detail) => detail.message.includes('chaincode response 409')), 'a second bootstrap is a 409 in the error details');
        report.duplicateBootstrap = step('endorse-refused', describeError(error));
    }

    report.balances = {};
    for (const userId of users) {
        report.balances[userId] = utf8.decode(await tokenomics.evaluateTransaction('GetBalance', userId));
    }
    step('evaluate-balances');

    // Events from the bootstrap block: read all but the last, checkpointing each, then resume from the checkpoint.
    // The resumed read must deliver exactly the last event: nothing repeated, nothing missed, even though the
    // checkpoint sits in the middle of the transfers' block.
    const expected = transactions.length;
    const checkpointer = checkpointers.inMemory();
    const firstPass = await readEvents(network, { startBlock }, checkpointer, (seen) => seen.length === expected - 1);
    const checkpoint = plain({ blockNumber: checkpointer.getBlockNumber(), transactionId: checkpointer.getTransactionId() });
    const lastTransactionId = firstPass.some((event) => event.transactionId === transfers[1].transactionId)
        ? transfers[0].transactionId
        : transfers[1].transactionId;
    const resumed = await readEvents(network, { checkpoint: checkpointer, startBlock }, checkpointer,
        (seen) => seen.some((event) => event.transactionId === lastTransactionId));
    report.events = step('events', { firstPass, checkpoint, resumed, expected });

    const firstIds = new Set(firstPass.map((event) => event.transactionId));
    check(resumed.every((event) => !firstIds.has(event.transactionId)), 'the resumed read repeats no event');
    check(firstPass.length + resumed.length === expected, `${expected} events in all (got ${firstPass.length} + ${resumed.length})`);

    // Filtered block events come from the peer's protos.Deliver service on the same connection: every block from the
    // bootstrap block through the transfers' block, in order, with transaction ids, validation codes and event names.
    const lastBlock = BigInt(transfers[1].status.blockNumber);
    const filteredBlocks = [];
    const blocks = await network.newFilteredBlockEventsRequest({ startBlock }).getEvents({ deadline: Date.now() + timeoutMs });
    try {
        for await (const block of blocks) {
            filteredBlocks.push({
                number: String(block.getNumber()),
                channelId: block.getChannelId(),
                transactions: block.getFilteredTransactionsList().map((transaction) => ({
                    transactionId: transaction.getTxid(),
                    type: transaction.getType(),
                    validationCode: transaction.getTxValidationCode(),
                    events: (transaction.getTransactionActions()?.getChaincodeActionsList() ?? []).map((action) => ({
                        chaincodeName: action.getChaincodeEvent()?.getChaincodeId(),
                        eventName: action.getChaincodeEvent()?.getEventName(),
                        payloadLength: action.getChaincodeEvent()?.getPayload_asU8().length,
                    })),
                })),
            });
            if (BigInt(block.getNumber()) >= lastBlock) break;
        }
    } finally {
        blocks.close();
    }
    report.filteredBlocks = step('filtered-block-events', filteredBlocks);

    // Full blocks are not served: the official client must get a prompt UNIMPLEMENTED rather than a hang.
    try {
        const fullBlocks = await network.newBlockEventsRequest({ startBlock }).getEvents({ deadline: Date.now() + timeoutMs });
        try {
            for await (const block of fullBlocks) {
                report.blockEvents = { supported: true, firstBlock: String(block.getHeader()?.getNumber()) };
                break;
            }
        } finally {
            fullBlocks.close();
        }
    } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        report.blockEvents = { supported: false, error: describeError(error) };
    }
    step('block-events');
    report.ok = true;
}

try {
    await run();
} catch (error) {
    report.ok = false;
    report.error = describeError(error);
    report.stack = error?.stack;
} finally {
    gateway.close();
    client.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exitCode = report.ok ? 0 : 1;
