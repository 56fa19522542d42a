using System.Buffers.Binary;
using Google.Protobuf;
using GxProtocol.Fabric.Protos.Common;

namespace GxProtocol.DevLedger.Storage;

/// <summary>
/// Append-only block file: each block is a 4-byte big-endian length followed by the serialized common.Block.
/// A torn record at the end (a crash during append) is cut off on open, so the chain ends at the last whole block.
/// </summary>
internal sealed class BlockFile : IDisposable
{
    private const string FileName = "blocks.bin";
    private readonly FileStream _stream;

    private BlockFile(FileStream stream) => _stream = stream;

    public static BlockFile Open(string directory, out List<Block> existingBlocks)
    {
        Directory.CreateDirectory(directory);
        var stream = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        existingBlocks = [];
        long validLength = 0;
        Span<byte> lengthBytes = stackalloc byte[4];
        while (true)
        {
            if (stream.Read(lengthBytes) < 4)
            {
                break;
            }
            int length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            if (length < 0 || stream.Position + length > stream.Length)
            {
                break;
            }
            var buffer = new byte[length];
            stream.ReadExactly(buffer);
            try
            {
                existingBlocks.Add(Block.Parser.ParseFrom(buffer));
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
                break;
            }
            validLength = stream.Position;
        }
        stream.SetLength(validLength);
        stream.Position = validLength;
        return new BlockFile(stream);
    }

    public void Append(Block block)
    {
        byte[] body = block.ToByteArray();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        _stream.Write(length);
        _stream.Write(body);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
