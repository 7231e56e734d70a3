using System.Security.Cryptography;
using System.Text;

namespace Subscription.WeChat.Tests;

public sealed class SignatureTests
{
    public static TheoryData<string> VectorIds => [.. CryptoVectors.Signatures.Select(v => v.Id)];

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Compute_Vector_MatchesExpected(string id)
    {
        var vector = CryptoVectors.SignatureById(id);

        Assert.Equal(vector.Expected, Signature.Compute(vector.Parts));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Verify_Vector_ReturnsTrue(string id)
    {
        var vector = CryptoVectors.SignatureById(id);

        Assert.True(Signature.Verify(vector.Expected, vector.Parts));
    }

    [Fact]
    public void Compute_DocExample_HashesOrdinallySortedConcatenation()
    {
        // MP guide: sorted ["1714037059","486452656","AAAAA"] -> "1714037059486452656AAAAA".
        var expected = Convert.ToHexStringLower(SHA1.HashData("1714037059486452656AAAAA"u8));

        Assert.Equal(expected, Signature.Compute("AAAAA", "1714037059", "486452656"));
        Assert.Equal(expected, Signature.Compute("486452656", "AAAAA", "1714037059"));
    }

    [Fact]
    public void Compute_MixedCaseParts_SortsByOrdinalNotCulture()
    {
        // Ordinal: "B" (0x42) < "a" (0x61) < "b"; a culture-aware sort would give "a", "B", "b".
        var expected = Convert.ToHexStringLower(SHA1.HashData("Bab"u8));

        Assert.Equal(expected, Signature.Compute("b", "a", "B"));
    }

    [Fact]
    public void Compute_NonAsciiPart_HashesUtf8Bytes()
    {
        var expected = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("1中文")));

        Assert.Equal(expected, Signature.Compute("中文", "1"));
    }

    [Fact]
    public void Compute_CallerArray_IsNotReordered()
    {
        string[] parts = ["c", "b", "a"];

        Signature.Compute(parts);

        Assert.Equal(["c", "b", "a"], parts);
    }

    [Fact]
    public void Verify_UppercaseHex_ReturnsFalse()
    {
        var vector = CryptoVectors.SignatureById("mp-doc-plaintext-mode-signature");

        Assert.False(Signature.Verify(vector.Expected.ToUpperInvariant(), vector.Parts));
    }

    [Theory]
    [InlineData("899cf89e464efb63f54ddac96b0a0a235f53aa7")]
    [InlineData("899cf89e464efb63f54ddac96b0a0a235f53aa780")]
    [InlineData("899cf89e464efb63f54ddac96b0a0a235f53aa79")]
    [InlineData(" 899cf89e464efb63f54ddac96b0a0a235f53aa78")]
    public void Verify_WrongLengthOrDigit_ReturnsFalse(string signature)
    {
        Assert.False(Signature.Verify(signature, "AAAAA", "1714037059", "486452656"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NullOrEmptySignature_ReturnsFalse(string? signature)
    {
        Assert.False(Signature.Verify(signature, "AAAAA", "1714037059", "486452656"));
    }

    [Fact]
    public void Verify_NullPart_ReturnsFalse()
    {
        Assert.False(Signature.Verify("899cf89e464efb63f54ddac96b0a0a235f53aa78", "AAAAA", null!, "486452656"));
    }

    [Fact]
    public void Verify_WechatpyNegativeCase_ReturnsFalse()
    {
        Assert.False(Signature.Verify("f21891de399b4e33a1a93c9a7b8a8fffb5a443fe", "test", "1410685589", "test"));
    }

    [Fact]
    public void Compute_NullPart_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Signature.Compute("a", null!));
    }
}
