using System;
using Microsoft.AspNetCore.Http;

namespace Cymbio.Emulator;

/// <summary>A request the emulator refuses with a 4xx and a <c>{"message": …}</c> body; thrown by route handlers.</summary>
internal sealed class EmulatorRequestException : Exception
{
    public EmulatorRequestException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public int StatusCode { get; }

    public static EmulatorRequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static EmulatorRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static EmulatorRequestException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
